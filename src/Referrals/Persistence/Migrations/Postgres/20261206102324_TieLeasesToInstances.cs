using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Posyandu.Referrals.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TieLeasesToInstances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LeaseOwner",
                table: "Outbox",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "Outbox");
        }
    }
}
