using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MassWork.Personnel.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemberNamePrefixIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_household_members_name",
                table: "household_members");

            migrationBuilder.CreateIndex(
                name: "ix_household_members_name",
                table: "household_members",
                column: "name")
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_household_members_name",
                table: "household_members");

            migrationBuilder.CreateIndex(
                name: "ix_household_members_name",
                table: "household_members",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
