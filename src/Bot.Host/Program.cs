using Posyandu.Bot.Host.Api;
using Posyandu.Bot.Host.Channels.Telegram;
using Posyandu.Bot.Host.Channels.Twilio;
using Posyandu.Bot.Host.Cli;
using Posyandu.Bot.Host.Configuration;
using Posyandu.Bot.Host.Demo;
using Posyandu.Bot.Host.Jobs;
using Posyandu.Bot.Host.Persistence;
using Posyandu.Bot.Host.Web;
using Posyandu.Conversation.Forms;

var command = HostCommand.Parse(args);
if (command.Kind == HostCommandKind.BadUsage)
{
    await Console.Error.WriteLineAsync(HostCommand.Usage);
    return 2;
}

if (command.Kind == HostCommandKind.FormsGraph)
{
    // Only the catalog is needed: no settings, database or web server.
    return FormsGraphCommand.Run(FormCatalog.LoadDefault, command.Topic, command.Markdown, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(command.HostArgs);
if (command.Kind is HostCommandKind.ImportRoster or HostCommandKind.ImportRouting or HostCommandKind.RoutingGaps)
{
    // The command prints its own report; the log only speaks up when something is wrong.
    builder.Logging.AddFilter((string?)null, LogLevel.Warning);
}

builder.AddPosyanduOptions();
builder.AddPersistence();
builder.AddJobs();
builder.AddTelegram();
builder.AddTwilio();
builder.AddDemo();
builder.AddApi();
builder.AddDashboard();

var app = builder.Build();

if (app.Services.CheckConfiguration() is { } problem)
{
    await Console.Error.WriteLineAsync(problem);
    return 1;
}

if (command.Kind == HostCommandKind.ImportRoster)
{
    return await RosterImportCommand.RunAsync(app.Services, command.FilePath!, Console.Out, Console.Error, app.Lifetime.ApplicationStopping);
}

if (command.Kind == HostCommandKind.ImportRouting)
{
    return await RoutingImportCommand.RunAsync(app.Services, command.FilePath!, Console.Out, Console.Error, app.Lifetime.ApplicationStopping);
}

if (command.Kind == HostCommandKind.RoutingGaps)
{
    return await RoutingGapsCommand.RunAsync(app.Services, command.Area, Console.Out, app.Lifetime.ApplicationStopping);
}

await app.PrepareDatabaseAsync(app.Lifetime.ApplicationStopping);
await app.LoadDemoRosterAsync(app.Lifetime.ApplicationStopping);
app.ScheduleJobs();

app.UseProblemDetails();
app.MapTelegram();
app.MapTwilio();
app.MapApi();
app.MapDemo();
app.MapDashboard();
app.MapHangfireDashboard();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
