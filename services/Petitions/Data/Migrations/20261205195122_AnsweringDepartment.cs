using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MassWork.Petitions.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnsweringDepartment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "answering_department",
                table: "cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "answering_department",
                table: "cases");
        }
    }
}
