using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MassWork.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class SmsMessaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notices");

            migrationBuilder.CreateTable(
                name: "broadcasts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_prefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    tags = table.Column<string[]>(type: "text[]", nullable: false),
                    audience = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    template_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    @params = table.Column<string>(name: "params", type: "jsonb", nullable: false),
                    signature = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    segments = table.Column<int>(type: "integer", nullable: false),
                    recipients = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_broadcasts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cadre_contacts",
                columns: table => new
                {
                    cadre_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    phone_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cadre_contacts", x => x.cadre_id);
                });

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    template_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    @params = table.Column<string>(name: "params", type: "jsonb", nullable: false),
                    signature = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    segments = table.Column<int>(type: "integer", nullable: false),
                    content_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    broadcast = table.Column<bool>(type: "boolean", nullable: false),
                    urgent = table.Column<bool>(type: "boolean", nullable: false),
                    phone_cipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    phone_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    phone_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    broadcast_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    status_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    send_batch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    provider_message_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "opt_outs",
                columns: table => new
                {
                    phone_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    opted_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reply = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_opt_outs", x => x.phone_hash);
                });

            migrationBuilder.CreateTable(
                name: "recipients",
                columns: table => new
                {
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    tags = table.Column<string[]>(type: "text[]", nullable: false),
                    is_head = table.Column<bool>(type: "boolean", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    phone_cipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    phone_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    phone_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recipients", x => x.member_id);
                });

            migrationBuilder.CreateTable(
                name: "templates",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    signature = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    urgent = table.Column<bool>(type: "boolean", nullable: false),
                    provider_codes = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_templates", x => x.code);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cadre_contacts_user_id",
                table: "cadre_contacts",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_messages_broadcast_id_status",
                table: "messages",
                columns: new[] { "broadcast_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_dead_letters",
                table: "messages",
                column: "failed_at",
                filter: "status = 'Failed'");

            migrationBuilder.CreateIndex(
                name: "ix_messages_due",
                table: "messages",
                column: "next_attempt_at",
                filter: "status IN ('Queued', 'Deferred')");

            migrationBuilder.CreateIndex(
                name: "ix_messages_household_id",
                table: "messages",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_messages_idempotency_key",
                table: "messages",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_messages_phone_hash_sent_at",
                table: "messages",
                columns: new[] { "phone_hash", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_send_batch_id_phone_hash",
                table: "messages",
                columns: new[] { "send_batch_id", "phone_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_unsettled",
                table: "messages",
                column: "status",
                filter: "status IN ('Sending', 'InDoubt')");

            migrationBuilder.CreateIndex(
                name: "ix_recipients_household_id",
                table: "recipients",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_recipients_tags",
                table: "recipients",
                column: "tags")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_recipients_village_code",
                table: "recipients",
                column: "village_code")
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "broadcasts");

            migrationBuilder.DropTable(
                name: "cadre_contacts");

            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropTable(
                name: "opt_outs");

            migrationBuilder.DropTable(
                name: "recipients");

            migrationBuilder.DropTable(
                name: "templates");

            migrationBuilder.CreateTable(
                name: "notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notices", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notices_household_id",
                table: "notices",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_notices_region_code",
                table: "notices",
                column: "region_code")
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops" });
        }
    }
}
