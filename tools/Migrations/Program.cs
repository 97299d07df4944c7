// Scaffolds EF Core migrations without the dotnet-ef tool: `dotnet run --project tools/Migrations -- add <Name>`.
// One migration per provider (SQLite, PostgreSQL), each into its own folder of src/Referrals/Persistence/Migrations.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;
using Posyandu.Referrals.Persistence;

if (args is not ["add", var name] || !IsIdentifier(name))
{
    Console.Error.WriteLine("Usage: dotnet run --project tools/Migrations -- add <Name>   (Name: a C# identifier, e.g. AddReminders)");
    return 2;
}

var project = FindReferralsProject();
if (project is null)
{
    Console.Error.WriteLine("Cannot find src/Referrals: run from inside the repository.");
    return 1;
}

Scaffold(() => new SqlitePosyanduDb(new DbContextOptionsBuilder<SqlitePosyanduDb>().UseSqlite("Data Source=design-time.db").Options), new SqliteDesignTimeServices(), "Sqlite");
Scaffold(() => new PostgresPosyanduDb(new DbContextOptionsBuilder<PostgresPosyanduDb>().UseNpgsql("Host=localhost;Database=posyandu").Options), new NpgsqlDesignTimeServices(), "Postgres");
return 0;

void Scaffold(Func<PosyanduDb> create, IDesignTimeServices providerServices, string provider)
{
    // The check gets its own context: it finalizes the snapshot's model, which the scaffolder then could not read again
    // (it would scaffold the whole schema as new).
    using (var check = create())
    {
        if (!check.Database.HasPendingModelChanges())
        {
            Console.WriteLine($"{provider}: the model has no changes since the last migration; nothing scaffolded.");
            return;
        }
    }

    using var db = create();

    var services = new ServiceCollection();
    services.AddEntityFrameworkDesignTimeServices();
    services.AddDbContextDesignTimeServices(db);
    providerServices.ConfigureDesignTimeServices(services);
    using var provided = services.BuildServiceProvider();

    var scaffolder = provided.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(name, "Posyandu.Referrals", $"Persistence.Migrations.{provider}");
    var files = scaffolder.Save(project, migration, Path.Combine(project, "Persistence", "Migrations", provider));
    Console.WriteLine($"{provider}: {Path.GetRelativePath(project, files.MigrationFile!)}");
}

static bool IsIdentifier(string name) =>
    name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

static string? FindReferralsProject()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "src", "Referrals");
        if (File.Exists(Path.Combine(candidate, "Referrals.csproj")))
        {
            return candidate;
        }
    }

    return null;
}
