package org.tredegar.testing;

import org.junit.jupiter.api.Test;
import org.tredegar.launcher.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's Component list is the one list of services; the build's module list (which ./tredegar also
 * reads) cannot be kept apart from it, so this holds them equal.
 */
class OneServiceListTest {
    @Test
    void theBuildBuildsExactlyTheServicesTheLauncherStarts() throws IOException {
        String pom = Files.readString(Launcher.root().resolve("services/pom.xml"));
        Matcher module = Pattern.compile("<module>([a-z]+)</module>").matcher(pom);
        List<String> modules = new java.util.ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1));
        }
        assertThat(modules).containsExactlyElementsOf(Component.services());
        assertThat(Component.databases()).containsAll(Component.services()).contains("keycloak");
    }

    @Test
    void theScriptNamesNoServiceOrVersionOfItsOwn() throws IOException {
        String script = Files.readString(Launcher.root().resolve("tredegar"));
        assertThat(script).doesNotContain("requests volunteers").doesNotContain("keycloak-2");
    }
}
