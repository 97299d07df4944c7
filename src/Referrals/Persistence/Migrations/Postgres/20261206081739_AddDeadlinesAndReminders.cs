using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Posyandu.Referrals.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddDeadlinesAndReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EscalateAt",
                table: "Referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationLevel",
                table: "Referrals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FollowUpAt",
                table: "Referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReminderAt",
                table: "Referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "ReferralEvents",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReminderRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Zone = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    FiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SendAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OutboxMessageId = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReminderDeliveries_Outbox_OutboxMessageId",
                        column: x => x.OutboxMessageId,
                        principalTable: "Outbox",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReminderDeliveries_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReminderDeliveries_ReminderRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ReminderRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_OutboxMessageId",
                table: "ReminderDeliveries",
                column: "OutboxMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_PersonId",
                table: "ReminderDeliveries",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_RunId_PersonId",
                table: "ReminderDeliveries",
                columns: new[] { "RunId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_RunId_Status",
                table: "ReminderDeliveries",
                columns: new[] { "RunId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderRuns_CompletedAt",
                table: "ReminderRuns",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderRuns_Key",
                table: "ReminderRuns",
                column: "Key",
                unique: true);

            // Referrals open before this version still escalate: at the deadline their alert promised.
            migrationBuilder.Sql("UPDATE \"Referrals\" SET \"EscalateAt\" = \"AckDeadline\" WHERE \"Status\" = 'Terkirim'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReminderDeliveries");

            migrationBuilder.DropTable(
                name: "ReminderRuns");

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
