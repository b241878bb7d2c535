package dev.interfeedback.maven.rules;

/** A name pattern of includes and excludes: {@code *} any run of characters, {@code ?} one. */
final class Pattern {

    private Pattern() {}

    static boolean matches(String pattern, String name) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.trim().toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return name.matches(regex.toString());
    }
}
