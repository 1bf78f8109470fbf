using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MassWork.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class SendingLease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "lease_expires_at",
                table: "messages",
                type: "timestamp with time zone",
                nullable: true);

            // Messages claimed before leases existed have no live sender renewing them: recovered at once.
            migrationBuilder.Sql("UPDATE messages SET lease_expires_at = sent_at WHERE status = 'Sending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "lease_expires_at",
                table: "messages");
        }
    }
}
