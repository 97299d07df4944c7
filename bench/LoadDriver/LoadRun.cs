using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace Posyandu.Bench.LoadDriver;

/// <summary>
/// Drives the webhook with a fixed number of concurrent connections. Each simulated person's messages go one at a time
/// and in order: the next is sent only once the bot's reply to the previous one reached the fake Bot API; meanwhile the
/// connection serves another person whose reply is in.
/// </summary>
internal sealed partial class LoadRun(HttpClient http, FakeBotApi botApi, string webhookUrl, string secret, int connections)
{
    /// <summary>How long a kader waits for the bot's reply before the message counts as unanswered.</summary>
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Shares each person's contact once (links their chat); ends when every welcome has arrived, so the measured phase
    /// starts on an empty outbox and no late welcome passes for the reply to a later message.
    /// </summary>
    public Task<PhaseResult> LinkAsync(IEnumerable<SimulatedPerson> people, TimeSpan limit) =>
        RunAsync(people, (person, step, _) => step == 0 ? Updates.OwnContact(person) : null, limit, stopAtLimit: false, limit);

    /// <summary>Kader walk RTLH reports, one after the other, for <paramref name="duration"/>.</summary>
    public Task<PhaseResult> ReportAsync(IEnumerable<SimulatedPerson> kader, TimeSpan duration) =>
        RunAsync(kader, (person, step, random) => RtlhJourney.Step(person, step % RtlhJourney.Length, random), duration, stopAtLimit: true, ReplyTimeout);

    private async Task<PhaseResult> RunAsync(
        IEnumerable<SimulatedPerson> people, Func<SimulatedPerson, int, Random, JsonObject?> script, TimeSpan limit, bool stopAtLimit, TimeSpan replyTimeout)
    {
        var ready = Channel.CreateUnbounded<Walker>();
        var remaining = 0;
        foreach (var person in people)
        {
            ready.Writer.TryWrite(new Walker(person, new Random(unchecked((int)person.ChatId))));
            remaining++;
        }

        var counters = new Counters();
        var replies = new ConcurrentBag<Task>();
        var deliveriesBefore = botApi.Deliveries;
        using var stop = new CancellationTokenSource(limit);
        var clock = Stopwatch.StartNew();

        void Done()
        {
            if (Interlocked.Decrement(ref remaining) == 0)
            {
                ready.Writer.TryComplete();
            }
        }

        async Task AwaitReplyAsync(Walker walker, int seen, Stopwatch sent)
        {
            var answered = await botApi.WaitBeyondAsync(walker.Person.ChatId, seen, replyTimeout);
            if (answered)
            {
                counters.Answered(sent.Elapsed);
                if (stopAtLimit && walker.Step % RtlhJourney.Length == RtlhJourney.Submit && ReportNumber().IsMatch(botApi.LastTextFor(walker.Person.ChatId)))
                {
                    Interlocked.Increment(ref counters.Reports);
                }
            }
            else
            {
                Interlocked.Increment(ref counters.Unanswered);
            }

            walker.Step++;
            walker.Pending = null;
            if (!ready.Writer.TryWrite(walker))
            {
                Done();
            }
        }

        async Task WorkAsync()
        {
            while (true)
            {
                Walker walker;
                try
                {
                    walker = await ready.Reader.ReadAsync(stop.Token);
                }
                catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
                {
                    return;
                }

                walker.Pending ??= script(walker.Person, walker.Step, walker.Random)?.ToJsonString();
                if (walker.Pending is null)
                {
                    Done();
                    continue;
                }

                var seen = botApi.CountFor(walker.Person.ChatId);
                var sent = Stopwatch.StartNew();
                var status = await PostAsync(walker.Pending);
                counters.Posted(sent.Elapsed, status == HttpStatusCode.OK);
                if (status == HttpStatusCode.OK)
                {
                    replies.Add(AwaitReplyAsync(walker, seen, sent));
                }
                else
                {
                    // Telegram delivers the same update again after a failure; so does the driver, a little later.
                    await Task.Delay(100, CancellationToken.None);
                    ready.Writer.TryWrite(walker);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(WorkAsync, CancellationToken.None)));
        var posting = clock.Elapsed;
        await Task.WhenAll(replies);
        ready.Writer.TryComplete();
        return counters.Result(posting, clock.Elapsed, botApi.Deliveries - deliveriesBefore, timedOut: !stopAtLimit && stop.IsCancellationRequested);
    }

    private async Task<HttpStatusCode> PostAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        try
        {
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException)
        {
            return HttpStatusCode.RequestTimeout;
        }
    }

    [GeneratedRegex(@"\b[A-Z]{2}-\d{4}-\d{4}\b")]
    private static partial Regex ReportNumber();

    /// <summary>One person's walk: the step they are at, the update waiting to be (re)sent, their own random answers.</summary>
    private sealed class Walker(SimulatedPerson person, Random random)
    {
        public SimulatedPerson Person { get; } = person;
        public Random Random { get; } = random;
        public int Step { get; set; }
        public string? Pending { get; set; }
    }

    private sealed class Counters
    {
        public int Reports;
        public int Unanswered;
        private readonly ConcurrentQueue<double> _webhookMs = new();
        private readonly ConcurrentQueue<double> _replyMs = new();
        private int _posts;
        private int _ok;

        public void Posted(TimeSpan latency, bool ok)
        {
            _webhookMs.Enqueue(latency.TotalMilliseconds);
            Interlocked.Increment(ref _posts);
            if (ok)
            {
                Interlocked.Increment(ref _ok);
            }
        }

        public void Answered(TimeSpan sinceSent) => _replyMs.Enqueue(sinceSent.TotalMilliseconds);

        public PhaseResult Result(TimeSpan posting, TimeSpan total, long deliveries, bool timedOut) => new(
            _posts, _ok, _replyMs.Count, Unanswered, Reports, deliveries, posting, total,
            Percentiles.Of([.. _webhookMs]), Percentiles.Of([.. _replyMs]), timedOut);
    }
}

/// <summary>
/// What a phase did: webhook calls (and how many answered 200), messages whose reply reached the fake Bot API, reports
/// confirmed, messages delivered to chats, how long the posting and the whole phase (until the last reply) took, and the
/// latencies of the webhook call and of the reply.
/// </summary>
internal sealed record PhaseResult(
    int Posts, int Ok, int Answered, int Unanswered, int Reports, long Deliveries, TimeSpan Posting, TimeSpan Total,
    Percentiles Webhook, Percentiles Reply, bool TimedOut)
{
    public double AnsweredPerSecond => Answered / Total.TotalSeconds;
    public double RequestsPerSecond => Posts / Posting.TotalSeconds;
    public double DeliveriesPerSecond => Deliveries / Total.TotalSeconds;
}

/// <summary>p50, p95, p99 and the maximum of a set of latencies in milliseconds (nearest rank).</summary>
internal sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(double[] values)
    {
        if (values.Length == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        Array.Sort(values);
        double Rank(double p) => values[Math.Clamp((int)Math.Ceiling(p * values.Length) - 1, 0, values.Length - 1)];
        return new Percentiles(Rank(0.50), Rank(0.95), Rank(0.99), values[^1]);
    }
}
