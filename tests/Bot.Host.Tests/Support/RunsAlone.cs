namespace Posyandu.Bot.Host.Tests.Support;

/// <summary>
/// Tests that start heavy processes of their own (a real host process, a browser): they run one after another once the
/// parallel tests are done, so neither they nor the other tests time out waiting on a busy machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}
