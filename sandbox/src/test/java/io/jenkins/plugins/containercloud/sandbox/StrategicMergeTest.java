package io.jenkins.plugins.containercloud.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Tests for {@link StrategicMerge}. */
class StrategicMergeTest {

  @Test
  void keyedListsMerge_otherListsAreReplaced() {
    JsonNode merged =
        merge(
            "{'spec':{'containers':[{'name':'a','image':'a:1','args':['x']},{'name':'b','image':'b:1'}]}}",
            "{'spec':{'containers':[{'name':'a','image':'a:2','args':['y']}]}}");

    assertThat(merged)
        .isEqualTo(
            json(
                "{'spec':{'containers':[{'name':'a','image':'a:2','args':['y']},{'name':'b','image':'b:1'}]}}"));
  }

  @Test
  void directivesDeleteElementsAndKeepOnlyRetainedKeys() {
    JsonNode merged =
        merge(
            "{'metadata':{'finalizers':['f1','f2'],'ownerReferences':[{'uid':'1'},{'uid':'2'}]},"
                + "'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}}}}",
            "{'metadata':{'$deleteFromPrimitiveList/finalizers':['f1'],'ownerReferences':[{'uid':'1','$patch':'delete'}]},"
                + "'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate','rollingUpdate':null}}}");

    assertThat(merged)
        .isEqualTo(
            json(
                "{'metadata':{'finalizers':['f2'],'ownerReferences':[{'uid':'2'}]},'spec':{'strategy':{'type':'Recreate'}}}"));
  }

  @Test
  void nullRemovesAField() {
    assertThat(merge("{'a':1,'b':2}", "{'b':null}")).isEqualTo(json("{'a':1}"));
  }

  private static JsonNode merge(String original, String patch) {
    return StrategicMerge.apply(json(original), json(patch));
  }

  private static JsonNode json(String singleQuoted) {
    return Json.parse(singleQuoted.replace('\'', '"'));
  }
}
