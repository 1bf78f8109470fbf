using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MassWork.Visits.Data.Migrations
{
    /// <inheritdoc />
    public partial class VillageFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "figures_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_figures_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "village_figures",
                columns: table => new
                {
                    village_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    households_due = table.Column<long>(type: "bigint", nullable: false),
                    households_visited = table.Column<long>(type: "bigint", nullable: false),
                    households_never_visited = table.Column<long>(type: "bigint", nullable: false),
                    contacts_required = table.Column<long>(type: "bigint", nullable: false),
                    contacts_done = table.Column<long>(type: "bigint", nullable: false),
                    days_required = table.Column<long>(type: "bigint", nullable: false),
                    days_done = table.Column<long>(type: "bigint", nullable: false),
                    cadres_paired = table.Column<long>(type: "bigint", nullable: false),
                    cadres_behind = table.Column<long>(type: "bigint", nullable: false),
                    visits = table.Column<long>(type: "bigint", nullable: false),
                    visits_with_aid = table.Column<long>(type: "bigint", nullable: false),
                    aid_cash_fen = table.Column<long>(type: "bigint", nullable: false),
                    aid_goods_fen = table.Column<long>(type: "bigint", nullable: false),
                    photos = table.Column<long>(type: "bigint", nullable: false),
                    flagged_photos = table.Column<long>(type: "bigint", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_village_figures", x => new { x.village_code, x.period });
                });

            migrationBuilder.CreateIndex(
                name: "ix_figures_changes_village_code",
                table: "figures_changes",
                column: "village_code")
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_village_figures_period_village_code",
                table: "village_figures",
                columns: new[] { "period", "village_code" })
                .Annotation("Npgsql:IndexOperators", new[] { "text_ops", "varchar_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_village_figures_year_village_code",
                table: "village_figures",
                columns: new[] { "year", "village_code" });

            // Each writer of what the figures are made of queues the villages it touched, whatever it
            // is (an endpoint, a consumer, a bulk COPY): statement triggers over the rows changed.
            // The zone is the trigger's argument: a visit's year is its Asia/Shanghai year.
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_changed_by_visit_households() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO figures_changes (village_code, year)
                    SELECT DISTINCT x.village_code, x.year FROM (
                        SELECT c.village_code, extract(year FROM v.visited_at AT TIME ZONE TG_ARGV[0])::int AS year
                        FROM changed c JOIN visits v ON v.id = c.visit_id
                        UNION
                        SELECT p.village_code, h.year
                        FROM (SELECT DISTINCT c.household_id, extract(year FROM v.visited_at AT TIME ZONE TG_ARGV[0])::int AS year
                              FROM changed c JOIN visits v ON v.id = c.visit_id) h
                        JOIN pairings p ON p.household_id = h.household_id
                        UNION
                        SELECT p.village_code, k.year
                        FROM (SELECT DISTINCT vc.cadre_id, extract(year FROM v.visited_at AT TIME ZONE TG_ARGV[0])::int AS year
                              FROM changed c JOIN visits v ON v.id = c.visit_id JOIN visit_cadres vc ON vc.visit_id = c.visit_id) k
                        JOIN pairings p ON p.cadre_id = k.cadre_id) x;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION figures_changed_by_visit_cadres() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO figures_changes (village_code, year)
                    SELECT DISTINCT x.village_code, x.year FROM (
                        SELECT p.village_code, k.year
                        FROM (SELECT DISTINCT c.cadre_id, extract(year FROM v.visited_at AT TIME ZONE TG_ARGV[0])::int AS year
                              FROM changed c JOIN visits v ON v.id = c.visit_id) k
                        JOIN pairings p ON p.cadre_id = k.cadre_id
                        UNION
                        SELECT vh.village_code, extract(year FROM v.visited_at AT TIME ZONE TG_ARGV[0])::int
                        FROM (SELECT DISTINCT visit_id FROM changed) c JOIN visits v ON v.id = c.visit_id JOIN visit_households vh ON vh.visit_id = c.visit_id) x;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION figures_changed_by_visit_photos() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO figures_changes (village_code, year)
                    SELECT DISTINCT vh.village_code, extract(year FROM v.visited_at AT TIME ZONE TG_ARGV[0])::int
                    FROM (SELECT DISTINCT visit_id FROM changed) c JOIN visits v ON v.id = c.visit_id JOIN visit_households vh ON vh.visit_id = c.visit_id;
                    RETURN NULL;
                END $$;

                -- A pairing begun, ended or moved: its village and those of every pairing of its household and of its cadre, every year.
                CREATE FUNCTION figures_changed_by_pairings() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO figures_changes (village_code, year)
                    SELECT DISTINCT x.village_code, NULL::int FROM (
                        SELECT village_code FROM changed
                        UNION SELECT p.village_code FROM pairings p WHERE p.household_id IN (SELECT household_id FROM changed)
                        UNION SELECT p.village_code FROM pairings p WHERE p.cadre_id IN (SELECT cadre_id FROM changed)) x;
                    RETURN NULL;
                END $$;

                -- A cadre's rank decides the days they owe in their villages.
                CREATE FUNCTION figures_changed_by_cadres() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO figures_changes (village_code, year)
                    SELECT DISTINCT p.village_code, NULL::int FROM pairings p WHERE p.cadre_id IN (SELECT id FROM changed);
                    RETURN NULL;
                END $$;

                -- A city's frequency policy decides what every pairing and cadre of it owes.
                CREATE FUNCTION figures_changed_by_policies() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO figures_changes (village_code, year)
                    SELECT DISTINCT f.village_code, NULL::int FROM village_figures f WHERE left(f.village_code, 4) IN (SELECT city_code FROM changed);
                    RETURN NULL;
                END $$;

                CREATE TRIGGER figures_visit_households AFTER INSERT ON visit_households REFERENCING NEW TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION figures_changed_by_visit_households('Asia/Shanghai');
                CREATE TRIGGER figures_visit_cadres AFTER INSERT ON visit_cadres REFERENCING NEW TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION figures_changed_by_visit_cadres('Asia/Shanghai');
                CREATE TRIGGER figures_visit_photos AFTER INSERT ON visit_photos REFERENCING NEW TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION figures_changed_by_visit_photos('Asia/Shanghai');
                CREATE TRIGGER figures_pairings_inserted AFTER INSERT ON pairings REFERENCING NEW TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION figures_changed_by_pairings();
                CREATE TRIGGER figures_pairings_updated_before AFTER UPDATE ON pairings REFERENCING OLD TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION figures_changed_by_pairings();
                CREATE TRIGGER figures_pairings_updated AFTER UPDATE ON pairings REFERENCING NEW TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION figures_changed_by_pairings();
                CREATE TRIGGER figures_pairings_deleted AFTER DELETE ON pairings REFERENCING OLD TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION figures_changed_by_pairings();
                CREATE TRIGGER figures_cadres_inserted AFTER INSERT ON cadres REFERENCING NEW TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION figures_changed_by_cadres();
                CREATE TRIGGER figures_cadres_updated AFTER UPDATE ON cadres REFERENCING NEW TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION figures_changed_by_cadres();
                CREATE TRIGGER figures_policies_inserted AFTER INSERT ON frequency_policies REFERENCING NEW TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION figures_changed_by_policies();
                CREATE TRIGGER figures_policies_updated AFTER UPDATE ON frequency_policies REFERENCING NEW TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION figures_changed_by_policies();
                CREATE TRIGGER figures_policies_deleted AFTER DELETE ON frequency_policies REFERENCING OLD TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION figures_changed_by_policies();

                -- What is already stored: every village with a pairing or a visit, every year.
                INSERT INTO figures_changes (village_code, year)
                SELECT DISTINCT village_code, NULL::int FROM pairings
                UNION SELECT DISTINCT village_code, NULL::int FROM visit_households;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER figures_visit_households ON visit_households;
                DROP TRIGGER figures_visit_cadres ON visit_cadres;
                DROP TRIGGER figures_visit_photos ON visit_photos;
                DROP TRIGGER figures_pairings_inserted ON pairings;
                DROP TRIGGER figures_pairings_updated_before ON pairings;
                DROP TRIGGER figures_pairings_updated ON pairings;
                DROP TRIGGER figures_pairings_deleted ON pairings;
                DROP TRIGGER figures_cadres_inserted ON cadres;
                DROP TRIGGER figures_cadres_updated ON cadres;
                DROP TRIGGER figures_policies_inserted ON frequency_policies;
                DROP TRIGGER figures_policies_updated ON frequency_policies;
                DROP TRIGGER figures_policies_deleted ON frequency_policies;
                DROP FUNCTION figures_changed_by_visit_households();
                DROP FUNCTION figures_changed_by_visit_cadres();
                DROP FUNCTION figures_changed_by_visit_photos();
                DROP FUNCTION figures_changed_by_pairings();
                DROP FUNCTION figures_changed_by_cadres();
                DROP FUNCTION figures_changed_by_policies();
                """);

            migrationBuilder.DropTable(
                name: "figures_changes");

            migrationBuilder.DropTable(
                name: "village_figures");
        }
    }
}
