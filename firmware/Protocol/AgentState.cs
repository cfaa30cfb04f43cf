namespace AgentPhone.Protocol
{
    /// <summary>The agent states of the contact center, as the server and every phone know them.</summary>
    public enum AgentState
    {
        Logout = 0,
        NotReady = 1,
        Ready = 2,
        Reserved = 3,
        Talking = 4,
        Hold = 5,
        Work = 6
    }
}
