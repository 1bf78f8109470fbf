using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MassWork.Visits.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
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
                name: "diary_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cadre_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    written_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diary_entries", x => x.id);
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
                name: "idempotency_records",
                columns: table => new
                {
                    scope = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: false),
                    content_type = table.Column<string>(type: "text", nullable: true),
                    location = table.Column<string>(type: "text", nullable: true),
                    body = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => new { x.scope, x.key });
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "json", nullable: false)
                        .Annotation("Npgsql:Compression:", "lz4"),
                    aggregate_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
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

            migrationBuilder.CreateTable(
                name: "demands",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    category_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    matter_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    status_note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    status_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demands", x => x.id);
                    table.ForeignKey(
                        name: "fk_demands_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    contact_card_handed_over = table.Column<bool>(type: "boolean", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "visit_photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    bytes = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    captured_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    distance_metres = table.Column<double>(type: "double precision", nullable: true),
                    flags = table.Column<string[]>(type: "text[]", nullable: false),
                    flagged = table.Column<bool>(type: "boolean", nullable: false, computedColumnSql: "cardinality(flags) > 0", stored: true),
                    reused_from_visit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    uploaded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_photos", x => x.id);
                    table.ForeignKey(
                        name: "fk_visit_photos_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_analysis_meetings_village_code_held_on",
                table: "analysis_meetings",
                columns: new[] { "village_code", "held_on" })
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops", "date_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_demands_village_code_raised_at",
                table: "demands",
                columns: new[] { "village_code", "raised_at" })
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops", "timestamptz_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_demands_visit_id_client_id",
                table: "demands",
                columns: new[] { "visit_id", "client_id" },
                unique: true,
                filter: "client_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_diary_entries_cadre_id_day",
                table: "diary_entries",
                columns: new[] { "cadre_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_entries_region_code",
                table: "diary_entries",
                column: "region_code")
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_entries_visit_id",
                table: "diary_entries",
                column: "visit_id",
                filter: "visit_id IS NOT NULL");

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

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_created_at",
                table: "idempotency_records",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_message_id",
                table: "outbox_messages",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                table: "outbox_messages",
                column: "id",
                filter: "sent_at IS NULL AND failed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_pairings_cadre_id",
                table: "pairings",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_pairings_household_id",
                table: "pairings",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_pairings_village_code",
                table: "pairings",
                column: "village_code")
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops" });

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

            migrationBuilder.CreateIndex(
                name: "ix_visit_cadres_cadre_id",
                table: "visit_cadres",
                column: "cadre_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_households_contact_card",
                table: "visit_households",
                column: "household_id",
                filter: "contact_card_handed_over");

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
                name: "ix_visit_photos_flagged",
                table: "visit_photos",
                column: "visit_id",
                filter: "flagged");

            migrationBuilder.CreateIndex(
                name: "ix_visit_photos_sha256",
                table: "visit_photos",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "ix_visit_photos_visit_id_sha256",
                table: "visit_photos",
                columns: new[] { "visit_id", "sha256" },
                unique: true);

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
                name: "analysis_meetings");

            migrationBuilder.DropTable(
                name: "cadres");

            migrationBuilder.DropTable(
                name: "demands");

            migrationBuilder.DropTable(
                name: "diary_entries");

            migrationBuilder.DropTable(
                name: "frequency_alerts");

            migrationBuilder.DropTable(
                name: "frequency_policies");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "pairings");

            migrationBuilder.DropTable(
                name: "spot_check_calls");

            migrationBuilder.DropTable(
                name: "visit_cadres");

            migrationBuilder.DropTable(
                name: "visit_households");

            migrationBuilder.DropTable(
                name: "visit_photos");

            migrationBuilder.DropTable(
                name: "spot_checks");

            migrationBuilder.DropTable(
                name: "visits");
        }
    }
}
