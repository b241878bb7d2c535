package dev.interfeedback.model.simulator;

import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelInfo;
import dev.interfeedback.model.Role;
import dev.interfeedback.model.Usage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An offline, seeded chat model that plays receiver or provider by a {@link SimulatorProfile}.
 *
 * <p>It reads the ground truth from the {@link CallContext} (which no real model ever sees) and
 * decides by its profile whether to be right. Every decision is a pure function of the seed, the
 * alias, the sample and the round, so reruns and concurrent runs give the same answers.
 */
public final class SimulatedModel implements ChatModel {

    private static final Pattern ANSWER_LINE = Pattern.compile("Answer:\\s*(.+)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private final String alias;
    private final SimulatorProfile profile;

    public SimulatedModel(String alias, SimulatorProfile profile) {
        this.alias = alias;
        this.profile = profile;
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo(alias, "simulator(" + profile.describe() + ")", true);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        CallContext context = request.context();
        String text = switch (context.purpose()) {
            case ANSWER -> answer(request, context);
            case FEEDBACK -> feedback(context, request.messages().size());
        };
        return new ChatResponse(text, usage(request, text));
    }

    private String answer(ChatRequest request, CallContext context) {
        Draws draws = new Draws(profile.seed(), alias, context.sampleId(), context.round(), "answer");
        if (draws.next() < profile.unparsed()) {
            return "[simulated] I am not sure how to read this figure.";
        }
        boolean right = context.round() == 0
                ? draws.next() < profile.accuracy()
                : draws.next() < fixProbability(context.feedbackKind());
        String answer;
        if (right) {
            answer = context.groundTruth();
        } else if (context.options().isEmpty()) {
            answer = wrongValue(context.groundTruth(), draws);
        } else {
            answer = wrongOption(request, context, draws);
        }
        return "[simulated] Reasoning about the question step by step.\nAnswer: " + answer;
    }

    private double fixProbability(String feedbackKind) {
        return "binary".equals(feedbackKind) ? profile.binaryFix() : profile.detailedFix();
    }

    private String wrongOption(ChatRequest request, CallContext context, Draws draws) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < context.options().size(); i++) {
            String letter = String.valueOf((char) ('A' + i));
            if (!letter.equalsIgnoreCase(context.groundTruth().trim())) wrong.add(letter);
        }
        if (profile.eliminate()) {
            Set<String> tried = previousAnswers(request.messages());
            List<String> untried = wrong.stream().filter(w -> !tried.contains(w)).toList();
            if (untried.isEmpty()) {
                // Every wrong option has been ruled out: elimination leaves only the right one.
                return context.groundTruth();
            }
            wrong = untried;
        }
        if (wrong.isEmpty()) return context.groundTruth();
        return wrong.get((int) (draws.next() * wrong.size()));
    }

    private static Set<String> previousAnswers(List<Message> messages) {
        Set<String> tried = new LinkedHashSet<>();
        for (Message message : messages) {
            if (message.role() != Role.ASSISTANT) continue;
            Matcher m = ANSWER_LINE.matcher(message.text());
            String last = null;
            while (m.find()) last = m.group(1).trim();
            if (last != null) tried.add(last.toUpperCase(Locale.ROOT));
        }
        return tried;
    }

    /** A wrong free-form answer: the ground truth's first number moved off by a small step. */
    private static String wrongValue(String truth, Draws draws) {
        Matcher m = NUMBER.matcher(truth);
        if (!m.find()) return "cannot be determined";
        double value = Double.parseDouble(m.group());
        double wrong = value + 1 + Math.floor(draws.next() * 9);
        String formatted = wrong == Math.rint(wrong) ? String.valueOf((long) wrong) : String.valueOf(wrong);
        return formatted;
    }

    /** The conversation's length is part of the draw, so a provider asked again may write otherwise. */
    private String feedback(CallContext context, int messages) {
        Draws draws = new Draws(profile.seed(), alias, context.sampleId(), context.round(), "feedback" + messages);
        StringBuilder text = new StringBuilder("[simulated] Your answer is not correct. ")
                .append("Re-read the question and check each step against the figure");
        if (!context.options().isEmpty()) text.append(", and weigh the options you have not ruled out");
        text.append('.');
        if (draws.next() < profile.leak()) {
            text.append(" The correct answer is ").append(context.groundTruth()).append('.');
        }
        return text.toString();
    }

    /** A rough token count (four characters a token), so cost figures are not all zero offline. */
    private static Usage usage(ChatRequest request, String answer) {
        long promptChars = 0;
        for (Message message : request.messages()) promptChars += message.text().length();
        return new Usage(Math.max(1, promptChars / 4), Math.max(1, answer.length() / 4));
    }

    /** A stream of uniform draws in [0, 1) fixed by the call's identity (SplitMix64 over FNV-1a). */
    private static final class Draws {
        private long state;

        Draws(long seed, String alias, String sampleId, int round, String purpose) {
            long h = 0xcbf29ce484222325L;
            for (byte b : (seed + "|" + alias + "|" + sampleId + "|" + round + "|" + purpose)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                h ^= b;
                h *= 0x100000001b3L;
            }
            state = h;
        }

        double next() {
            long z = (state += 0x9e3779b97f4a7c15L);
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            z ^= z >>> 31;
            return (z >>> 11) * 0x1.0p-53;
        }
    }
}
