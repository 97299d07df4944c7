using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Posyandu.Referrals.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDashboardSignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DashboardSignIns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Salt = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PausedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    OutboxMessageId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardSignIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DashboardSignIns_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DashboardSignIns_PersonId",
                table: "DashboardSignIns",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DashboardSignIns_Phone_CreatedAt",
                table: "DashboardSignIns",
                columns: new[] { "Phone", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DashboardSignIns");
        }
    }
}
