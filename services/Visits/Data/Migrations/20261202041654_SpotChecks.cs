using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MassWork.Visits.Data.Migrations
{
    /// <inheritdoc />
    public partial class SpotChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "spot_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_prefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    first_day = table.Column<DateOnly>(type: "date", nullable: false),
                    last_day = table.Column<DateOnly>(type: "date", nullable: false),
                    seed = table.Column<long>(type: "bigint", nullable: false),
                    sample_size = table.Column<int>(type: "integer", nullable: false),
                    population = table.Column<long>(type: "bigint", nullable: false),
                    drawn_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    drawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spot_checks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "spot_check_calls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    spot_check_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    visit_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    cadre_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    visited = table.Column<bool>(type: "boolean", nullable: true),
                    named_cadre_id = table.Column<Guid>(type: "uuid", nullable: true),
                    satisfied = table.Column<bool>(type: "boolean", nullable: true),
                    notes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    answered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spot_check_calls", x => x.id);
                    table.ForeignKey(
                        name: "fk_spot_check_calls_spot_checks_spot_check_id",
                        column: x => x.spot_check_id,
                        principalTable: "spot_checks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_spot_check_calls_spot_check_id_position",
                table: "spot_check_calls",
                columns: new[] { "spot_check_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_spot_check_calls_village_code_answered_at",
                table: "spot_check_calls",
                columns: new[] { "village_code", "answered_at" })
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops", "timestamptz_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_spot_check_calls_visit_ids",
                table: "spot_check_calls",
                column: "visit_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_spot_checks_region_prefix_drawn_at",
                table: "spot_checks",
                columns: new[] { "region_prefix", "drawn_at" })
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops", "timestamptz_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "spot_check_calls");

            migrationBuilder.DropTable(
                name: "spot_checks");
        }
    }
}
