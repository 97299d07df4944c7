using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Posyandu.Referrals.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDeadlinesAndReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EscalateAt",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationLevel",
                table: "Referrals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "FollowUpAt",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReminderAt",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "ReferralEvents",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_EscalateAt",
                table: "Referrals",
                column: "EscalateAt");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_FollowUpAt",
                table: "Referrals",
                column: "FollowUpAt");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReminderAt",
                table: "Referrals",
                column: "ReminderAt");

            // Referrals open before this version still escalate: at the deadline their alert promised.
            migrationBuilder.Sql("UPDATE \"Referrals\" SET \"EscalateAt\" = \"AckDeadline\" WHERE \"Status\" = 'Terkirim'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_EscalateAt",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_FollowUpAt",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_ReminderAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "EscalateAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "EscalationLevel",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "FollowUpAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ReminderAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "ReferralEvents");
        }
    }
}
