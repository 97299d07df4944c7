using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Posyandu.Referrals.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndexReportList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_SubmittedAt",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_SubmittedAt_Id_Confidential_DesaKode_Bidang",
                table: "Reports",
                columns: new[] { "SubmittedAt", "Id", "Confidential", "DesaKode", "Bidang" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_SubmittedAt_Id_Confidential_DesaKode_Bidang",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_SubmittedAt",
                table: "Reports",
                column: "SubmittedAt");
        }
    }
}
