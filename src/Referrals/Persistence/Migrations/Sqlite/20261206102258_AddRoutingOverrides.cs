using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Posyandu.Referrals.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddRoutingOverrides : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RoutingOverrides",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DesaKode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    List = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutingOverrides", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoutingOverrides_DesaKode_Topic_List",
                table: "RoutingOverrides",
                columns: new[] { "DesaKode", "Topic", "List" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoutingOverrides");
        }
    }
}
