package org.policyradar.registry.server;

import java.nio.charset.StandardCharsets;

/**
 * What a subject name may be: 1 to 255 bytes of UTF-8 with printable characters only. Subjects are listed,
 * logged and shown in terminals, so control characters (NUL, CR, LF, ESC...), invisible formatting characters
 * such as the bidirectional overrides (U+202E) and zero-width spaces, lone surrogates and unassigned code
 * points are refused; so is anything longer than a Kafka topic name could make sensible.
 */
final class SubjectNames {

    static final int MAX_BYTES = 255;

    private SubjectNames() {
    }

    /** Answers the subject, or throws 422 / 42208 with the reason. */
    static String check(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw RegistryException.invalidSubject("Invalid subject: the subject is empty");
        }
        int bytes = subject.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw RegistryException.invalidSubject("Invalid subject: " + bytes + " bytes long, the limit is "
                    + MAX_BYTES + " bytes (UTF-8)");
        }
        for (int i = 0; i < subject.length(); ) {
            int codePoint = subject.codePointAt(i);
            if (!printable(codePoint)) {
                throw RegistryException.invalidSubject(String.format(
                        "Invalid subject: character U+%04X at position %d is not printable", codePoint, i));
            }
            i += Character.charCount(codePoint);
        }
        if (subject.isBlank()) {
            throw RegistryException.invalidSubject("Invalid subject: the subject is blank");
        }
        return subject;
    }

    private static boolean printable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
