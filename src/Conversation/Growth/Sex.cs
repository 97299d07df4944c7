namespace Posyandu.Conversation.Growth;

/// <summary>Sex as coded in the WHO tables: 1 = male, 2 = female.</summary>
public enum Sex
{
    Male = 1,
    Female = 2,
}
