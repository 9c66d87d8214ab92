package dev.signet.care;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signet.sentiment.MessageTexts;

/** Care's messages as sentiment asks for them (its {@link MessageTexts} port), read through {@link CareFigures}. */
@ApplicationScoped
class CareMessageTexts implements MessageTexts {

    private final CareFigures figures;

    CareMessageTexts(CareFigures figures) {
        this.figures = figures;
    }

    @Override
    public Optional<Origin> origin(long messageId) {
        return figures.origin(messageId).map(o -> new Origin(o.id(), o.direction() == Direction.IN, o.accountId()));
    }

    @Override
    public Map<Long, String> texts(Collection<Long> ids) {
        Map<Long, String> texts = new HashMap<>();
        figures.messages(ids).forEach((id, message) -> texts.put(id, message.text()));
        return texts;
    }
}
