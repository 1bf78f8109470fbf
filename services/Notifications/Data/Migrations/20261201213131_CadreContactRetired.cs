using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MassWork.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class CadreContactRetired : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "retired",
                table: "cadre_contacts",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "retired",
                table: "cadre_contacts");
        }
    }
}
