namespace Posyandu.Referrals.Roster;

/// <summary>What a roster import did, line by line.</summary>
public sealed record RosterImportResult(IReadOnlyList<RosterLineResult> Lines)
{
    public int Created => Count(RosterLineOutcome.Created);
    public int Updated => Count(RosterLineOutcome.Updated);
    public int Unchanged => Count(RosterLineOutcome.Unchanged);
    public int Refused => Count(RosterLineOutcome.Refused);

    private int Count(RosterLineOutcome outcome) => Lines.Count(l => l.Outcome == outcome);
}

/// <summary>The outcome of one CSV line: its line number in the file, what happened, the person's name and why (in Indonesian).</summary>
public sealed record RosterLineResult(int Line, RosterLineOutcome Outcome, string? Name, string Message);

/// <summary>What an import did with one line; a refused line changed nothing.</summary>
public enum RosterLineOutcome { Created, Updated, Unchanged, Refused }
