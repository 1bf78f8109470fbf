using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MassWork.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class MessageDisclosure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "disclosure",
                table: "messages",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "Full");

            // Codes already sent keep their text out of the history too. Which earlier notices to a
            // petitioner went to an accuser this service cannot tell, so all of them are withheld.
            migrationBuilder.Sql("UPDATE messages SET disclosure = 'TextWithheld' WHERE template_code = 'sign-in-code'");
            migrationBuilder.Sql("UPDATE messages SET disclosure = 'Withheld' WHERE template_code = 'case-query-code' OR idempotency_key LIKE 'petition:%'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "disclosure",
                table: "messages");
        }
    }
}
