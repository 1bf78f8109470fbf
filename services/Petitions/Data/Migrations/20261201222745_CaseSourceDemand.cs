using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MassWork.Petitions.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseSourceDemand : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "source_demand_id",
                table: "cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_source_demand_id",
                table: "cases",
                column: "source_demand_id",
                unique: true,
                filter: "source_demand_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_source_demand_id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "source_demand_id",
                table: "cases");
        }
    }
}
