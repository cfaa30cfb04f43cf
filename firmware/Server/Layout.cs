namespace AgentPhone.Server
{
    /// <summary>
    /// Which call variables the phone shows and under which labels. A call whose queue names no
    /// layout uses <see cref="Default"/>: every variable under its own name.
    /// </summary>
    public sealed class Layout
    {
        public const int MaxVariables = 10;

        public static readonly Layout Default = new Layout("Default", null, null);

        private readonly string[] _variables;
        private readonly string[] _labels;

        /// <param name="name">The layout's name, shown on the Caller Data screen.</param>
        /// <param name="variables">Variable names to show, in order; null shows all.</param>
        /// <param name="labels">The label of each variable; null uses the variable names.</param>
        public Layout(string name, string[] variables, string[] labels)
        {
            if (name == null || name.Length == 0)
            {
                throw new System.ArgumentException("A layout needs a name.");
            }

            if (variables != null && variables.Length > MaxVariables)
            {
                throw new System.ArgumentException("A layout shows at most 10 variables.");
            }

            if (labels != null && (variables == null || labels.Length != variables.Length))
            {
                throw new System.ArgumentException("A layout needs one label per variable.");
            }

            Name = name;
            _variables = variables;
            _labels = labels == null ? variables : labels;
        }

        public string Name { get; private set; }

        /// <summary>Fills <paramref name="e"/>'s labels and values from a call's variables.</summary>
        internal void Apply(string[] names, string[] values, ServerEvent e)
        {
            e.Layout = Name;
            if (_variables == null)
            {
                e.Labels = names;
                e.Values = values;
                return;
            }

            int n = 0;
            for (int i = 0; i < _variables.Length; i++)
            {
                if (IndexOf(names, _variables[i]) >= 0)
                {
                    n++;
                }
            }

            e.Labels = new string[n];
            e.Values = new string[n];
            n = 0;
            for (int i = 0; i < _variables.Length; i++)
            {
                int at = IndexOf(names, _variables[i]);
                if (at >= 0)
                {
                    e.Labels[n] = _labels[i];
                    e.Values[n] = values[at];
                    n++;
                }
            }
        }

        private static int IndexOf(string[] names, string name)
        {
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
