using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Posyandu.Referrals.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddReminderRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReminderRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Zone = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Occurrence = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderRecipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OutboxMessageId = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReminderRecipients_Outbox_OutboxMessageId",
                        column: x => x.OutboxMessageId,
                        principalTable: "Outbox",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReminderRecipients_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReminderRecipients_ReminderRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ReminderRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderRecipients_OutboxMessageId",
                table: "ReminderRecipients",
                column: "OutboxMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderRecipients_PersonId",
                table: "ReminderRecipients",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderRecipients_RunId_PersonId",
                table: "ReminderRecipients",
                columns: new[] { "RunId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderRecipients_RunId_Status",
                table: "ReminderRecipients",
                columns: new[] { "RunId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderRuns_Kind_Zone_Occurrence",
                table: "ReminderRuns",
                columns: new[] { "Kind", "Zone", "Occurrence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderRuns_Status_DueAt",
                table: "ReminderRuns",
                columns: new[] { "Status", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReminderRecipients");

            migrationBuilder.DropTable(
                name: "ReminderRuns");
        }
    }
}
