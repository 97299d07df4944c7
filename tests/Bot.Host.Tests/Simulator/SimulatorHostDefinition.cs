namespace Posyandu.Bot.Host.Tests.Simulator;

/// <summary>One simulator host for every simulator test: they run one at a time and act as different roster people.</summary>
[CollectionDefinition(Name)]
public sealed class SimulatorHostDefinition : ICollectionFixture<SimulatorHost>
{
    public const string Name = "Simulator host";
}
