using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MassWork.Petitions.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnsweringDepartment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "answering_department",
                table: "cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            // Cases answered before: the department that answered is the one that last signed for the
            // work order, when no send-back or new escalation came between it and the answer.
            migrationBuilder.Sql("""
                UPDATE cases c SET answering_department = (
                    SELECT CASE WHEN t.action = 'Sign' THEN t.holder_code END
                    FROM case_steps t
                    WHERE t.case_id = c.id AND t.action IN ('Escalate', 'Sign', 'SendBack')
                      AND t.at <= (SELECT max(a.at) FROM case_steps a WHERE a.case_id = c.id AND a.action IN ('Answer', 'ResolveByProject'))
                    ORDER BY t.at DESC, t.id DESC
                    LIMIT 1)
                WHERE c.answered_at IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "answering_department",
                table: "cases");
        }
    }
}
