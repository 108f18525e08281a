package org.tredegar.dashboard.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SiteLanguageTest {
    @Test
    void theAddressThenTheSwitchersChoiceThenTheBrowserThenEnglish() {
        assertThat(SiteLanguage.choose("cy", "pl", "ar")).isEqualTo(SiteLanguage.CY);
        assertThat(SiteLanguage.choose(null, "pl", "ar")).isEqualTo(SiteLanguage.PL);
        assertThat(SiteLanguage.choose("xx", null, "de-DE,es;q=0.8,en;q=0.5")).isEqualTo(SiteLanguage.ES);
        assertThat(SiteLanguage.choose(null, null, "de-DE")).isEqualTo(SiteLanguage.EN);
        assertThat(SiteLanguage.choose(null, null, ";;;not a header")).isEqualTo(SiteLanguage.EN);
        assertThat(SiteLanguage.choose("CY-gb", null, null)).isEqualTo(SiteLanguage.CY);
    }

    @Test
    void arabicIsLaidOutRightToLeft() {
        assertThat(SiteLanguage.AR.direction()).isEqualTo("rtl");
        assertThat(SiteLanguage.CY.direction()).isEqualTo("ltr");
    }
}
