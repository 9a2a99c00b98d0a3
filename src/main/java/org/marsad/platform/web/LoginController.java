package org.marsad.platform.web;

import org.marsad.platform.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return CurrentUser.get().isPresent() ? "redirect:/" : "login";
    }
}
