using AgentPhone.Boards;
using AgentPhone.Hardware.Display;

// Usage: dotnet run --project host/Emulator [-- --board <name>]
string boardName = args.Length == 2 && args[0] == "--board" ? args[1] : BoardCatalog.Virtual.Name;
BoardProfile? board = BoardCatalog.Find(boardName);
if (board is null)
{
    Console.Error.WriteLine($"Unknown board '{boardName}'. Boards: {string.Join(", ", BoardCatalog.All.Select(b => b.Name))}");
    return 2;
}

// The idle screen of a logged-off forced-login station, on the board's character grid.
var grid = new CharGrid(board.Columns, board.Rows);
grid.WriteRow(0, "2101");
grid.WriteRow(board.Rows / 2 - 1, "No User");
grid.WriteRow(board.Rows - 1, "Login");

Console.WriteLine($"AgentPhone - {board.Description}");
Console.WriteLine($"{board.PanelWidth}x{board.PanelHeight} panel, {board.Columns}x{board.Rows} characters");
Console.WriteLine("+" + new string('-', board.Columns) + "+");
for (int row = 0; row < board.Rows; row++)
{
    var line = new char[board.Columns];
    for (int column = 0; column < board.Columns; column++)
    {
        line[column] = grid[row, column];
    }

    Console.WriteLine("|" + new string(line) + "|");
}

Console.WriteLine("+" + new string('-', board.Columns) + "+");
Console.WriteLine("The browser emulator with the embedded agent server is not built yet; this terminal view is its stand-in.");
return 0;
