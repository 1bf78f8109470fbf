using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MassWork.Personnel.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemberLookupIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_household_members_households_household_id",
                table: "household_members");

            migrationBuilder.DropIndex(
                name: "ix_household_members_id_number_hash",
                table: "household_members");

            migrationBuilder.DropIndex(
                name: "ix_household_members_phone_hash",
                table: "household_members");

            migrationBuilder.DropIndex(
                name: "ix_cadres_phone_hash",
                table: "cadres");

            migrationBuilder.CreateIndex(
                name: "ix_household_members_id_number_hash",
                table: "household_members",
                column: "id_number_hash")
                .Annotation("Npgsql:IndexMethod", "hash");

            migrationBuilder.CreateIndex(
                name: "ix_household_members_phone_hash",
                table: "household_members",
                column: "phone_hash")
                .Annotation("Npgsql:IndexMethod", "hash");

            migrationBuilder.CreateIndex(
                name: "ix_cadres_phone_hash",
                table: "cadres",
                column: "phone_hash")
                .Annotation("Npgsql:IndexMethod", "hash");

            // The model keeps the relationship for navigation; the database deliberately has no
            // constraint (see PersonnelDbContext: a per-row key check costs a third of an import).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_household_members_id_number_hash",
                table: "household_members");

            migrationBuilder.DropIndex(
                name: "ix_household_members_phone_hash",
                table: "household_members");

            migrationBuilder.DropIndex(
                name: "ix_cadres_phone_hash",
                table: "cadres");

            migrationBuilder.CreateIndex(
                name: "ix_household_members_id_number_hash",
                table: "household_members",
                column: "id_number_hash");

            migrationBuilder.CreateIndex(
                name: "ix_household_members_phone_hash",
                table: "household_members",
                column: "phone_hash");

            migrationBuilder.CreateIndex(
                name: "ix_cadres_phone_hash",
                table: "cadres",
                column: "phone_hash");

            migrationBuilder.AddForeignKey(
                name: "fk_household_members_households_household_id",
                table: "household_members",
                column: "household_id",
                principalTable: "households",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
