package io.jenkins.plugins.containercloud.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** A strategy's parameters as the JSON object text the {@code strategy_parameters} column holds. */
final class ParametersJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

  private ParametersJson() {}

  static String write(SortedMap<String, String> parameters) {
    try {
      return MAPPER.writeValueAsString(parameters);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
  }

  static SortedMap<String, String> read(String json) {
    if (json == null || json.isBlank()) {
      return Collections.emptySortedMap();
    }
    try {
      return Collections.unmodifiableSortedMap(MAPPER.readValue(json, MAP));
    } catch (JsonProcessingException e) {
      throw new HistoryException(
          "strategy_parameters holds no JSON object of strings: " + e.getOriginalMessage(),
          e,
          false);
    }
  }
}
