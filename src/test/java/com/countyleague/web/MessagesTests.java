package com.countyleague.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.countyleague.account.LoginLog;
import com.countyleague.account.OperationRecord;
import com.countyleague.account.Role;
import com.countyleague.group.CommunityGroup;
import com.countyleague.group.GroupKind;
import com.countyleague.group.GroupRole;
import com.countyleague.group.Membership;
import com.countyleague.group.PracticeTheme;
import com.countyleague.member.Corrections;
import com.countyleague.member.DictionaryItem;
import com.countyleague.member.DictionaryKind;
import com.countyleague.member.Gender;
import com.countyleague.member.GridRole;
import com.countyleague.member.ImportJob;
import com.countyleague.member.Ledger;
import com.countyleague.member.PersonEvent;
import com.countyleague.member.PersonSearch;
import com.countyleague.member.PersonStatus;
import com.countyleague.member.ReviewGrade;
import com.countyleague.member.TransferRequest;
import com.countyleague.org.OrganizationType;
import com.countyleague.org.PartnerKind;
import com.countyleague.orglife.Compliance;
import com.countyleague.orglife.MeetingKind;
import com.countyleague.orglife.Recommendations;
import com.countyleague.orglife.Reviews;
import com.countyleague.recruitment.Application;
import com.countyleague.recruitment.Channel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every visible string comes from the message files, and both languages have every key. */
class MessagesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java");

    /** Keys that templates build from an enumeration, and the enumeration they need a key for each value of. */
    private static final Map<String, Class<? extends Enum<?>>> ENUM_KEYS = Map.ofEntries(
            Map.entry("org.type.", OrganizationType.class),
            Map.entry("org.partner.", PartnerKind.class),
            Map.entry("role.", Role.class),
            Map.entry("log.login.", LoginLog.Result.class),
            Map.entry("log.operation.", OperationRecord.Result.class),
            Map.entry("member.ledger.", Ledger.class),
            Map.entry("member.gender.", Gender.class),
            Map.entry("member.status.", PersonStatus.class),
            Map.entry("member.grid-role.", GridRole.class),
            Map.entry("member.sort.", PersonSearch.Sort.class),
            Map.entry("member.event.", PersonEvent.Type.class),
            Map.entry("member.transfer.status.", TransferRequest.Status.class),
            Map.entry("member.import.running.", ImportJob.Status.class),
            Map.entry("dictionary.kind.", DictionaryKind.class),
            Map.entry("dictionary.badge.", DictionaryItem.Badge.class),
            Map.entry("group.kind.", GroupKind.class),
            Map.entry("group.theme.", PracticeTheme.class),
            Map.entry("group.role.", GroupRole.class),
            Map.entry("group.status.", CommunityGroup.Status.class),
            Map.entry("group.membership.", Membership.Status.class),
            Map.entry("group.source.", Membership.Source.class),
            Map.entry("campaign.channel.", Channel.class),
            Map.entry("application.status.", Application.Status.class),
            Map.entry("privacy.field.", Corrections.Field.class),
            Map.entry("privacy.correction.", Corrections.Status.class),
            Map.entry("meeting.kind.", MeetingKind.class),
            Map.entry("meeting.state.", Compliance.State.class),
            Map.entry("review.grade.", ReviewGrade.class),
            Map.entry("review.status.", Reviews.Status.class),
            Map.entry("recommendation.status.", Recommendations.Status.class),
            Map.entry("recommendation.outcome.", Recommendations.Outcome.class));

    private final Properties chinese = load("messages.properties");
    private final Properties english = load("messages_en.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(new TreeSet<>(english.stringPropertyNames())).isEqualTo(new TreeSet<>(chinese.stringPropertyNames()));
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> missing = new TreeSet<>();
        Pattern literalKey = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");
        Pattern fragmentLabel = Pattern.compile("fields :: \\w+\\('[^']*', '([^']+)'");
        for (Path template : templates()) {
            String html = Files.readString(template);
            collect(literalKey, html, missing);
            collect(fragmentLabel, html, missing);
        }
        ENUM_KEYS.forEach((prefix, type) -> {
            for (Enum<?> value : type.getEnumConstants()) {
                if (!chinese.containsKey(prefix + value.name())) {
                    missing.add(prefix + value.name());
                }
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> prefixes = new TreeSet<>();
        chinese.stringPropertyNames().forEach(key -> prefixes.add(key.substring(0, key.indexOf('.') + 1)));
        Pattern literal = Pattern.compile("\"\\{?([a-z]+\\.[a-z0-9.-]+)\\}?\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(source));
                while (m.find()) {
                    String key = m.group(1);
                    boolean looksLikeMessage = prefixes.stream().anyMatch(key::startsWith) && !key.startsWith("org.springframework")
                            && !key.startsWith("org.hibernate");
                    // a literal ending in a dot begins keys made with a value ("group.kind." + kind): some key must begin so
                    boolean known = key.endsWith(".") ? chinese.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                            : chinese.containsKey(key);
                    if (looksLikeMessage && !known) {
                        missing.add(key + " in " + source.getFileName());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        List<String> offences = new ArrayList<>();
        Pattern textNode = Pattern.compile(">([^<>]*)<");
        Pattern plainAttribute = Pattern.compile("\\s(placeholder|title|alt|aria-label|label)=\"([^\"]*)\"");
        Pattern literalInExpression = Pattern.compile("th:[a-z-]+=\"[^\"]*'[^']*\\p{IsHan}[^']*'[^\"]*\"");
        for (Path template : templates()) {
            String html = Files.readString(template)
                    .replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<script.*?</script>", "")
                    .replaceAll("(?s)<style.*?</style>", "");
            report(textNode, html, template, 1, offences);
            report(plainAttribute, html, template, 2, offences);
            Matcher m = literalInExpression.matcher(html);
            while (m.find()) {
                offences.add(template.getFileName() + ": " + m.group());
            }
        }
        assertThat(offences).isEmpty();
    }

    /** The Content-Security-Policy allows no inline style or script: such an attribute would silently do nothing. */
    @Test
    void templatesHaveNoInlineStylesOrHandlers() throws IOException {
        List<String> offences = new ArrayList<>();
        Pattern inline = Pattern.compile("<[^>]*\\s(style|on[a-z]+)=\"[^\"]*\"[^>]*>");
        for (Path template : templates()) {
            Matcher m = inline.matcher(Files.readString(template));
            while (m.find()) {
                offences.add(template.getFileName() + ": " + m.group());
            }
        }
        assertThat(offences).isEmpty();
    }

    private static void report(Pattern pattern, String html, Path template, int group, List<String> offences) {
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            if (m.group(group).codePoints().anyMatch(Character::isLetter)) {
                offences.add(template.getFileName() + ": " + m.group().trim());
            }
        }
    }

    private void collect(Pattern pattern, String html, Set<String> missing) {
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            if (!chinese.containsKey(m.group(1))) {
                missing.add(m.group(1));
            }
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = MessagesTests.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
