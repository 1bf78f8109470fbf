using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MassWork.Visits.Data.Migrations
{
    /// <inheritdoc />
    public partial class VisitPhotos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "visit_photos");
        }
    }
}
