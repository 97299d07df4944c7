using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Posyandu.Referrals.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddTwilioChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeliveryStatus",
                table: "Outbox",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ErrorCode",
                table: "Outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_PlatformMessageId",
                table: "Outbox",
                column: "PlatformMessageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_PlatformMessageId",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "DeliveryStatus",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "ErrorCode",
                table: "Outbox");
        }
    }
}
