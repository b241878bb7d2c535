package dev.interfeedback.junit;

import java.lang.reflect.Modifier;
import java.util.function.Predicate;
import org.junit.platform.commons.support.AnnotationSupport;

/** A concrete top-level or static nested class annotated {@link InterFeedbackBenchmark}. */
final class IsBenchmarkClass implements Predicate<Class<?>> {

    @Override
    public boolean test(Class<?> type) {
        int modifiers = type.getModifiers();
        return !Modifier.isAbstract(modifiers) && !type.isInterface() && !type.isAnonymousClass()
                && !type.isLocalClass() && !(type.isMemberClass() && !Modifier.isStatic(modifiers))
                && AnnotationSupport.isAnnotated(type, InterFeedbackBenchmark.class);
    }
}
