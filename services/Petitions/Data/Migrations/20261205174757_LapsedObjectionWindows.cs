using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MassWork.Petitions.Data.Migrations
{
    /// <inheritdoc />
    public partial class LapsedObjectionWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Objection windows the sweeper announced as missed before a window was known to just lapse
            // (CaseDeadline.Windows): closed as lapsed at that moment, so no case shows them open or overdue.
            migrationBuilder.Sql("""
                UPDATE case_deadlines SET cancelled_at = missed_raised_at
                WHERE kind = 'Objection' AND met_at IS NULL AND cancelled_at IS NULL AND missed_raised_at IS NOT NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
