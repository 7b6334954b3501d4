package org.policyradar.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.policyradar.app.cli.PolicyRadar;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Security basics of the command line, without a broker: no secret has a default that help could show, the
 * registry credentials option takes its value explicitly, and neither help nor an error message repeats a
 * password given on the command line.
 */
class CommandSecretsTest {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(auth|secret|password|token|credential).*");
    private static final String PLANTED = "Pl4nted-S3cret";

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = PolicyRadar.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void shouldOfferRegistryAuthInStackHelpWithoutAnyDefault() {
        Run help = run("stack", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--registry-auth=USER:PASSWORD");
        assertThat(optionHelp(help.out(), "--registry-auth"))
                .doesNotContainIgnoringCase("(default:").contains("The password is never printed");
        OptionSpec option = PolicyRadar.commandLine().getSubcommands().get("stack").getCommandSpec()
                .findOption("--registry-auth");
        assertThat(option.defaultValue()).isNull();
        assertThat(option.arity().min()).isEqualTo(1);
        assertThat(option.arity().max()).isEqualTo(1);
    }

    @Test
    void shouldGiveNoSecretLookingOptionOfAnyCommandADefaultThatHelpShows() {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, CommandLine> command : PolicyRadar.commandLine().getSubcommands().entrySet()) {
            String help = command.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                if (!SECRET_NAME.matcher(option.longestName()).matches()) {
                    continue;
                }
                checked.add(command.getKey() + " " + option.longestName());
                // the default as picocli resolves it (a variable such as ${env:...} expanded)
                String resolved = option.defaultValueString();
                if (resolved != null && !resolved.isBlank() && !resolved.equals("null")) {
                    assertThat(help).as("help of %s shows the default of %s", command.getKey(), option.longestName())
                            .doesNotContain(resolved);
                }
                assertThat(option.showDefaultValue()).as("%s %s", command.getKey(), option.longestName())
                        .isNotEqualTo(CommandLine.Help.Visibility.ALWAYS);
            }
        }
        assertThat(checked).contains("stack --registry-auth");
    }

    @Test
    void shouldNotRepeatTheRegistryPasswordInHelpOrInAUsageError() {
        Run help = run("stack", "--registry-auth", "admin:" + PLANTED, "--help");
        Run malformed = run("stack", "--registry-auth", PLANTED);

        assertThat(help.exitCode()).isZero();
        assertThat(help.out() + help.err()).doesNotContain(PLANTED);
        assertThat(malformed.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(malformed.err()).contains("--registry-auth must be USER:PASSWORD").doesNotContain(PLANTED);
        assertThat(malformed.out()).doesNotContain(PLANTED);
    }

    /** The help of one option in a usage message: its lines up to the next option, white space collapsed. */
    private static String optionHelp(String usage, String name) {
        Matcher start = Pattern.compile("(?m)^\\s+" + Pattern.quote(name) + "[= ]").matcher(usage);
        assertThat(start.find()).as("%s in%n%s", name, usage).isTrue();
        String rest = usage.substring(start.start());
        Matcher next = Pattern.compile("\\n\\s+-").matcher(rest);
        return (next.find() ? rest.substring(0, next.start()) : rest).replaceAll("\\s+", " ");
    }
}
