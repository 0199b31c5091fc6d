package org.ceir.web;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.ceir.registration.PriceList;

/**
 * The models of the ministry's price catalogue that the duty calculator and the registration forms
 * offer to choose from. Read once a minute rather than on every page: the public pages are the
 * busiest, and a new price list is imported a few times a year.
 */
final class PriceChoices {
    private final LoadingCache<Boolean, List<PriceList.Entry>> cache;

    PriceChoices(PriceList prices) {
        this.cache = Caffeine.newBuilder().maximumSize(1).refreshAfterWrite(Duration.ofMinutes(1))
                .expireAfterWrite(Duration.ofMinutes(10)).build(key -> prices.all());
    }

    List<PriceList.Entry> all() {
        return cache.get(Boolean.TRUE);
    }
}
