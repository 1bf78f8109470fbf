using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MassWork.Petitions.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reviewed_by",
                table: "cases",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reviewed_by",
                table: "cases");
        }
    }
}
