package org.policyradar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;
import org.policyradar.testkit.SyntheticNews.Article;

class SyntheticNewsTest {

    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");

    private static SyntheticNews aGenerator(long seed) {
        return new SyntheticNews(seed, "syn", START, Duration.ofSeconds(2));
    }

    private static List<Article> articles(SyntheticNews news, int count) {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            articles.add(news.next());
        }
        return articles;
    }

    @Test
    void shouldGiveTheSameArticlesForTheSameSeed() {
        assertThat(articles(aGenerator(42), 500)).isEqualTo(articles(aGenerator(42), 500));
    }

    @Test
    void shouldGiveOtherArticlesForAnotherSeed() {
        List<String> texts = articles(aGenerator(42), 50).stream().map(Article::text).toList();
        List<String> otherTexts = articles(aGenerator(43), 50).stream().map(Article::text).toList();

        assertThat(otherTexts).isNotEqualTo(texts);
    }

    @Test
    void shouldKeepEveryTextBetween200And600Characters() {
        List<Article> articles = articles(aGenerator(7), 5_000);

        assertThat(articles).allSatisfy(article ->
                assertThat(article.text().length())
                        .isBetween(SyntheticNews.MIN_TEXT_CHARS, SyntheticNews.MAX_TEXT_CHARS));
        // sizes are spread over the range, not all at one end
        assertThat(articles.stream().mapToInt(a -> a.text().length()).min().orElseThrow()).isLessThan(300);
        assertThat(articles.stream().mapToInt(a -> a.text().length()).max().orElseThrow()).isGreaterThan(500);
    }

    @Test
    void shouldMixTheStancesInTheAdvertisedProportions() {
        int count = 20_000;
        Map<Stance, Integer> seen = new EnumMap<>(Stance.class);
        for (Article article : articles(aGenerator(11), count)) {
            seen.merge(article.intended(), 1, Integer::sum);
        }

        assertThat(seen.keySet()).containsExactlyInAnyOrder(Stance.PRESS, Stance.RESIST, Stance.ALIGN, Stance.NEUTRAL);
        SyntheticNews.STANCE_MIX.forEach((stance, percent) ->
                assertThat(seen.get(stance) * 100.0 / count).as("share of %s", stance)
                        .isCloseTo(percent, offset(1.5)));
    }

    @Test
    void shouldWriteAboutManyPlacesInManyStates() {
        Set<String> cities = new HashSet<>();
        Set<String> states = new HashSet<>();
        for (Article article : articles(aGenerator(5), 5_000)) {
            if (article.place() != null) {
                cities.add(article.place().name());
                states.add(article.place().state());
                assertThat(article.headline() + " " + article.text())
                        .containsAnyOf(article.place().name(), article.place().stateName());
            }
        }

        assertThat(cities).hasSize(SyntheticNews.PLACES.size());
        assertThat(states).hasSizeGreaterThan(30);
    }

    @Test
    void shouldNumberIdsAndSpaceEventTimes() {
        SyntheticNews news = aGenerator(3);

        Article first = news.next();
        Article second = news.next();

        assertThat(first.id()).isEqualTo("syn-0");
        assertThat(second.id()).isEqualTo("syn-1");
        assertThat(first.publishedAt()).isEqualTo(START);
        assertThat(second.publishedAt()).isEqualTo(START.plusSeconds(2));
    }

    @Test
    void shouldWriteAnArticleWithTheRequestedStanceTopicAndPlace() {
        SyntheticNews.Place denver = SyntheticNews.PLACES.stream().filter(p -> p.name().equals("Denver")).findFirst()
                .orElseThrow();

        Article article = aGenerator(9).next(Stance.RESIST, PolicyTopic.COOPERATION, denver);

        assertThat(article.intended()).isEqualTo(Stance.RESIST);
        assertThat(article.topic()).isEqualTo(PolicyTopic.COOPERATION);
        assertThat(article.place()).isEqualTo(denver);
        assertThat(article.headline() + " " + article.text()).containsAnyOf("Denver", "Colorado");
    }

    @Test
    void shouldRefuseAStanceAndTopicNoTemplateWrites() {
        SyntheticNews news = aGenerator(9);
        SyntheticNews.Place place = SyntheticNews.PLACES.get(0);

        assertThatThrownBy(() -> news.next(Stance.ALIGN, PolicyTopic.BIRTHRIGHT_CITIZENSHIP, place))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ALIGN").hasMessageContaining("BIRTHRIGHT_CITIZENSHIP");
    }

    @Test
    void shouldTurnAnArticleIntoACompleteNewsItem() {
        Article article = aGenerator(1).next();

        NewsItem item = article.toNewsItem();

        assertThat(item.getId()).isEqualTo(article.id());
        assertThat(item.getHeadline()).isEqualTo(article.headline());
        assertThat(item.getText()).isEqualTo(article.text());
        assertThat(item.getPublishedAt()).isEqualTo(article.publishedAt());
        assertThat(item.getSource()).isNotBlank();
    }
}
