using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MassWork.Personnel.Data.Migrations
{
    /// <inheritdoc />
    public partial class CheckInPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "latitude",
                table: "regions",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "longitude",
                table: "regions",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "check_in_radius_meters",
                table: "coverage_policies",
                type: "integer",
                nullable: false,
                defaultValue: 3000);

            migrationBuilder.AddColumn<double>(
                name: "accuracy_meters",
                table: "check_ins",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "distance_meters",
                table: "check_ins",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "far_from_village",
                table: "check_ins",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "latitude",
                table: "check_ins",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "longitude",
                table: "check_ins",
                type: "double precision",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "latitude",
                table: "regions");

            migrationBuilder.DropColumn(
                name: "longitude",
                table: "regions");

            migrationBuilder.DropColumn(
                name: "check_in_radius_meters",
                table: "coverage_policies");

            migrationBuilder.DropColumn(
                name: "accuracy_meters",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "distance_meters",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "far_from_village",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "latitude",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "longitude",
                table: "check_ins");
        }
    }
}
