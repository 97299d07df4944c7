namespace Posyandu.Conversation.Dialog;

/// <summary>Stores and restores a <see cref="Session"/> as JSON; an empty or missing value is a fresh session.</summary>
public static class SessionJson
{
    public static string Serialize(Session session) => throw new NotImplementedException();

    public static Session Deserialize(string? json) => throw new NotImplementedException();
}
