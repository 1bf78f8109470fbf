using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MassWork.Personnel.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProjectNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "village_projects",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    budget_fen = table.Column<long>(type: "bigint", nullable: false),
                    paid_fen = table.Column<long>(type: "bigint", nullable: false),
                    sources = table.Column<string>(type: "jsonb", nullable: false),
                    payees = table.Column<string>(type: "jsonb", nullable: false),
                    progress_percent = table.Column<int>(type: "integer", nullable: true),
                    beneficiary_count = table.Column<int>(type: "integer", nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    council_sign_offs = table.Column<int>(type: "integer", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    on_notice_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_village_projects", x => x.project_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_village_projects_region_code_on_notice_until",
                table: "village_projects",
                columns: new[] { "region_code", "on_notice_until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "village_projects");
        }
    }
}
