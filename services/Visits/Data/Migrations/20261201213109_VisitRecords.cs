using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MassWork.Visits.Data.Migrations
{
    /// <inheritdoc />
    public partial class VisitRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cadres",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    rank = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cadres", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    head_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_households", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pairings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cadre_id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pairings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    visited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    late_entry = table.Column<bool>(type: "boolean", nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    policy_topics = table.Column<List<string>>(type: "text[]", nullable: false),
                    aid_cash_fen = table.Column<long>(type: "bigint", nullable: false),
                    aid_goods = table.Column<string>(type: "jsonb", nullable: false),
                    services_done = table.Column<List<string>>(type: "text[]", nullable: false),
                    place_accuracy_metres = table.Column<double>(type: "double precision", nullable: true),
                    place_latitude = table.Column<double>(type: "double precision", nullable: true),
                    place_longitude = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "visit_cadres",
                columns: table => new
                {
                    visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cadre_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_cadres", x => new { x.visit_id, x.cadre_id });
                    table.ForeignKey(
                        name: "fk_visit_cadres_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visit_households",
                columns: table => new
                {
                    visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_households", x => new { x.visit_id, x.household_id });
                    table.ForeignKey(
                        name: "fk_visit_households_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pairings_cadre_id",
                table: "pairings",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_pairings_household_id",
                table: "pairings",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_cadres_cadre_id",
                table: "visit_cadres",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_households_household_id",
                table: "visit_households",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_households_village_code",
                table: "visit_households",
                column: "village_code")
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_visits_recorded_by_client_id",
                table: "visits",
                columns: new[] { "recorded_by", "client_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_visits_visited_at",
                table: "visits",
                column: "visited_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cadres");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropTable(
                name: "pairings");

            migrationBuilder.DropTable(
                name: "visit_cadres");

            migrationBuilder.DropTable(
                name: "visit_households");

            migrationBuilder.DropTable(
                name: "visits");
        }
    }
}
