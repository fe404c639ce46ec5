using System.Text;

namespace Punchlist.Cli.Completion;

/// <summary>
/// Static completion scripts for bash, zsh, fish and PowerShell, written from <see cref="CompletionModel"/>:
/// commands, their options, the values of options and arguments that take a fixed list, and file
/// names where a command takes paths. Written here because System.CommandLine's static completions
/// (System.CommandLine.StaticCompletions) are not on our package mirror; the shape of each script
/// follows theirs. Nothing calls back into punch, so completing costs no process start.
/// </summary>
internal static class CompletionScripts
{
    public static readonly string[] Shells = ["bash", "zsh", "fish", "powershell"];

    public static string For(string shell, IReadOnlyList<CompletedCommand> commands, IReadOnlyList<CompletedOption> global) => shell switch
    {
        "bash" => Bash(commands, global),
        "zsh" => Zsh(commands, global),
        "fish" => Fish(commands, global),
        _ => PowerShell(commands, global),
    };

    private static string Bash(IReadOnlyList<CompletedCommand> commands, IReadOnlyList<CompletedOption> global)
    {
        var all = commands.SelectMany(c => c.Options).Concat(global).ToList();
        var script = new StringBuilder();
        script.Append("""
            # bash completion for punch; install: punch completion bash > ~/.local/share/bash-completion/completions/punch
            _punch() {
                local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" command="" i
                for ((i = 1; i < COMP_CWORD; i++)); do
                    case "${COMP_WORDS[i]}" in

            """);
        script.Append($"            {string.Join('|', ValueOptions(all))}) ((i++)) ;;\n");
        script.Append("""
                        -*) ;;
                        *) command="${COMP_WORDS[i]}"; break ;;
                    esac
                done
                case "$prev" in

            """);
        foreach (var option in all.Where(o => o.TakesValue).DistinctBy(o => o.Names[0]))
        {
            string reply = option.Choices.Count > 0 ? $"COMPREPLY=($(compgen -W \"{string.Join(' ', option.Choices)}\" -- \"$cur\"))" : "COMPREPLY=()";
            script.Append($"        {string.Join('|', option.Names)}) {reply}; return ;;\n");
        }

        script.Append("    esac\n    case \"$command\" in\n");
        script.Append($"        \"\") COMPREPLY=($(compgen -W \"{string.Join(' ', commands.Select(c => c.Name).Concat(global.SelectMany(o => o.Names)))}\" -- \"$cur\")); return ;;\n");
        foreach (var command in commands)
        {
            script.Append($"        {command.Name})\n");
            script.Append($"            if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"{string.Join(' ', command.Options.SelectMany(o => o.Names).Distinct())}\" -- \"$cur\")); return; fi\n");
            if (command.Values.Count > 0)
            {
                script.Append($"            COMPREPLY=($(compgen -W \"{string.Join(' ', command.Values)}\" -- \"$cur\")); return ;;\n");
            }
            else if (command.Files)
            {
                script.Append("            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n");
            }
            else
            {
                script.Append("            COMPREPLY=(); return ;;\n");
            }
        }

        script.Append("    esac\n}\ncomplete -F _punch punch\n");
        return script.ToString();
    }

    private static string Zsh(IReadOnlyList<CompletedCommand> commands, IReadOnlyList<CompletedOption> global)
    {
        var script = new StringBuilder();
        script.Append("#compdef punch\n# zsh completion for punch; install: punch completion zsh > \"${fpath[1]}/_punch\"\n_punch() {\n");
        script.Append("  local -a commands\n  commands=(\n");
        foreach (var command in commands)
        {
            script.Append($"    '{command.Name}:{Zsh(command.Description)}'\n");
        }

        script.Append("  )\n  if (( CURRENT == 2 )); then\n    _describe -t commands 'punch command' commands\n    return\n  fi\n  case ${words[2]} in\n");
        foreach (var command in commands)
        {
            script.Append($"    {command.Name})\n      _arguments -s \\\n");
            foreach (var option in command.Options.DistinctBy(o => o.Names[0]))
            {
                string names = option.Names.Count == 1 ? option.Names[0] : $"'({string.Join(' ', option.Names)})'{{{string.Join(',', option.Names)}}}";
                string value = !option.TakesValue ? string.Empty : option.Choices.Count > 0 ? $":value:({string.Join(' ', option.Choices)})" : ":value: ";
                script.Append(option.Names.Count == 1
                    ? $"        '{names}[{Zsh(option.Description)}]{value}' \\\n"
                    : $"        {names}'[{Zsh(option.Description)}]{value}' \\\n");
            }

            string rest = command.Values.Count > 0 ? $"'*:value:({string.Join(' ', command.Values)})'" : command.Files ? "'*:path:_files'" : "'*: :'";
            script.Append($"        {rest}\n      ;;\n");
        }

        script.Append("  esac\n}\ncompdef _punch punch\n");
        return script.ToString();
    }

    private static string Zsh(string text) => text.Replace("'", "'\\''", StringComparison.Ordinal).Replace("[", "(", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal).Replace(":", " -", StringComparison.Ordinal);

    private static string Fish(IReadOnlyList<CompletedCommand> commands, IReadOnlyList<CompletedOption> global)
    {
        var script = new StringBuilder("# fish completion for punch; install: punch completion fish > ~/.config/fish/completions/punch.fish\ncomplete -c punch -f\n");
        string names = string.Join(' ', commands.Select(c => c.Name));
        foreach (var command in commands)
        {
            script.Append($"complete -c punch -n 'not __fish_seen_subcommand_from {names}' -a {command.Name} -d '{Fish(command.Description)}'\n");
        }

        foreach (var command in commands)
        {
            string when = $"-n '__fish_seen_subcommand_from {command.Name}'";
            foreach (var option in command.Options.DistinctBy(o => o.Names[0]))
            {
                var flags = option.Names.Select(n => n.StartsWith("--", StringComparison.Ordinal) ? $"-l {n[2..]}" : $"-s {n[1..]}");
                string value = !option.TakesValue ? string.Empty : option.Choices.Count > 0 ? $" -x -a '{string.Join(' ', option.Choices)}'" : " -x";
                script.Append($"complete -c punch {when} {string.Join(' ', flags)}{value} -d '{Fish(option.Description)}'\n");
            }

            if (command.Values.Count > 0)
            {
                script.Append($"complete -c punch {when} -a '{string.Join(' ', command.Values)}'\n");
            }
            else if (command.Files)
            {
                script.Append($"complete -c punch {when} -F\n");
            }
        }

        return script.ToString();
    }

    private static string Fish(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);

    private static string PowerShell(IReadOnlyList<CompletedCommand> commands, IReadOnlyList<CompletedOption> global)
    {
        var script = new StringBuilder("""
            # PowerShell completion for punch; install: punch completion powershell >> $PROFILE
            Register-ArgumentCompleter -Native -CommandName punch -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $commands = @{

            """);
        foreach (var command in commands)
        {
            script.Append($"        '{command.Name}' = @({string.Join(", ", command.Options.SelectMany(o => o.Names).Distinct().Select(n => $"'{n}'"))})\n");
        }

        script.Append("    }\n    $values = @{\n");
        foreach (var option in commands.SelectMany(c => c.Options).Where(o => o.TakesValue).DistinctBy(o => o.Names[0]))
        {
            foreach (string name in option.Names)
            {
                script.Append($"        '{name}' = @({string.Join(", ", option.Choices.Select(c => $"'{c}'"))})\n");
            }
        }

        script.Append("    }\n    $arguments = @{\n");
        foreach (var command in commands.Where(c => c.Values.Count > 0))
        {
            script.Append($"        '{command.Name}' = @({string.Join(", ", command.Values.Select(v => $"'{v}'"))})\n");
        }

        script.Append($"    }}\n    $files = @({string.Join(", ", commands.Where(c => c.Files).Select(c => $"'{c.Name}'"))})\n");
        script.Append("""
                $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
                if ($wordToComplete) { $words = @($words | Select-Object -SkipLast 1) }
                $command = $null
                for ($i = 0; $i -lt $words.Count; $i++) {
                    if ($values.ContainsKey($words[$i])) { $i++; continue }
                    if (-not $words[$i].StartsWith('-')) { $command = $words[$i]; break }
                }
                $previous = if ($words.Count -gt 0) { $words[-1] } else { '' }
                $candidates = if ($values.ContainsKey($previous)) { $values[$previous] }
                    elseif (-not $command) { @($commands.Keys | Sort-Object) }
                    elseif ($wordToComplete.StartsWith('-')) { $commands[$command] }
                    elseif ($arguments.ContainsKey($command)) { $arguments[$command] }
                    elseif ($files -contains $command) { return }
                    else { @() }
                $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """);
        return script.ToString();
    }

    private static IEnumerable<string> ValueOptions(IEnumerable<CompletedOption> options) =>
        options.Where(o => o.TakesValue).SelectMany(o => o.Names).Distinct();
}
