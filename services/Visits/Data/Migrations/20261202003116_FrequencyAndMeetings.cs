using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MassWork.Visits.Data.Migrations
{
    /// <inheritdoc />
    public partial class FrequencyAndMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analysis_meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    attendee_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    demand_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    decisions = table.Column<List<string>>(type: "text[]", nullable: false),
                    follow_ups = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analysis_meetings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "frequency_alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    subject_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    first_day = table.Column<DateOnly>(type: "date", nullable: false),
                    last_day = table.Column<DateOnly>(type: "date", nullable: false),
                    cadre_id = table.Column<Guid>(type: "uuid", nullable: true),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    required = table.Column<int>(type: "integer", nullable: false),
                    done = table.Column<int>(type: "integer", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    found_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_frequency_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "frequency_policies",
                columns: table => new
                {
                    city_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    policy = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_frequency_policies", x => x.city_code);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pairings_village_code",
                table: "pairings",
                column: "village_code")
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_analysis_meetings_village_code_held_on",
                table: "analysis_meetings",
                columns: new[] { "village_code", "held_on" })
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops", "date_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_frequency_alerts_kind_level_subject_key_first_day",
                table: "frequency_alerts",
                columns: new[] { "kind", "level", "subject_key", "first_day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_frequency_alerts_unraised",
                table: "frequency_alerts",
                column: "id",
                filter: "raised_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analysis_meetings");

            migrationBuilder.DropTable(
                name: "frequency_alerts");

            migrationBuilder.DropTable(
                name: "frequency_policies");

            migrationBuilder.DropIndex(
                name: "ix_pairings_village_code",
                table: "pairings");
        }
    }
}
