using System.Text;
using AgentPhone.Hardware.Virtual;

namespace AgentPhone.Emulator;

/// <summary>
/// The README's pictures, made by the emulator itself: a phone is driven through sign-in, the
/// agent state menu, a ringing call with its caller data, the call and the skill stats, and
/// its panel is saved as PNG (exactly what /emulator/phones/{id}/screen.png serves) at each.
/// </summary>
public static class Screenshots
{
    public static async Task<IReadOnlyList<string>> Take(EmulatorApp emulator, string folder)
    {
        Directory.CreateDirectory(folder);
        var saved = new List<string>();
        VirtualPhone phone = emulator.Phones[0];
        using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };

        void Save(string name)
        {
            phone.Screen();   // draws what the phone shows now, not the loop's last frame
            string path = Path.Combine(folder, name + ".png");
            File.WriteAllBytes(path, Png.Encode(phone.Panel, 2));
            saved.Add(path);
        }

        void Keys(string keys)
        {
            if (phone.Keys(keys, out _) is { } error)
            {
                throw new InvalidOperationException(error);
            }
        }

        async Task Until(string text)
        {
            for (int i = 0; i < 100 && !phone.Screen().Rows.Any(r => r.Contains(text)); i++)
            {
                await Task.Delay(100);
            }
        }

        await Until("No User");
        Save("idle");
        Keys("SOFT1 7 7 7 7 7 0 PAUSE 0 1 DOWN SOFT3 1 2 3");
        Save("login");
        Keys("4 SOFT1");
        Save("agent-state");
        Keys("1");
        var offer = await http.PostAsync("/emulator/calls", new StringContent(
            "{\"queue\":\"Support\",\"ani\":\"2301\",\"dnis\":\"2101\",\"variables\":[{\"name\":\"FirstName\",\"value\":\"Ada\"},{\"name\":\"Account\",\"value\":\"48-1729\"}]}",
            Encoding.UTF8, "application/json"));
        offer.EnsureSuccessStatusCode();
        await Until("2301");
        Save("caller-data");
        Keys("ANSWER SOFT4");
        await Task.Delay(2_100);
        Save("talking");
        Keys("HANGUP SOFT2");
        Save("skill-stats");
        return saved;
    }
}
